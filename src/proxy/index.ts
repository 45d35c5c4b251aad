export {
  createConformanceProxy,
  DEFAULT_PROXY_TIMEOUT_MS,
  type ConformanceProxy,
  type ProxyOptions,
} from './server';
export { writeProxyReports, HAR_FILE, type WrittenProxyReports } from './reports';
export { VIOLATIONS_HEADER } from './violations';
