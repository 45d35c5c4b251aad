/**
 * Application ids no server holds, for decision 2: a well-formed 24-hex id (its timestamp lies in
 * 2106, so no real server has minted it) and a malformed one.
 */
export const UNKNOWN_APPLICATION_ID = 'ffffffffffffffffffffff00';
export const MALFORMED_APPLICATION_ID = 'not-an-application-id';
