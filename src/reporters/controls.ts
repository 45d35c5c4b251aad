import type { RunReport } from '../engine/results';
import { mapStrings } from './report-strings';

/**
 * Characters a target could send to act on a terminal or a reader rather than be read: C0 controls
 * other than tab and line feed (ESC starts colour, title and clear-screen sequences, BEL ends an OSC),
 * DEL, C1 controls (U+009B is a one-character CSI), bidi marks, embeddings, overrides and isolates
 * (U+202E turns text around), and the Unicode line and paragraph separators.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const visible = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Every control character shown as its escape, `\u001b`: the text reads the same, and does nothing. */
export const showControls = (text: string): string => text.replace(CONTROLS, visible);

/** The report with every string of it (messages, reasons, every field of a failure) made inert. */
export const showControlsInReport = (report: RunReport): RunReport =>
  mapStrings(report, showControls) as RunReport;

// JSON.stringify escapes C0 controls itself; these it leaves raw.
const RAW_IN_JSON = /[\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** JSON text with the controls JSON.stringify leaves raw written as `\uXXXX` escapes: same value, inert. */
export const escapeJsonControls = (json: string): string => json.replace(RAW_IN_JSON, visible);
