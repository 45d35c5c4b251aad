export { compareReports, CompareError, summaryOf, type Comparison, type NamedReport } from './compare';
export { renderCompareHtml, renderCompareMarkdown } from './render';
