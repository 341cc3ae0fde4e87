// Transitional: the call window's types (views/call/call-types.ts, owned by the call window's
// rework) still import WindowLayout from here; it lives in resume/call-resume-store.ts. Delete this
// file once that import points there.
export type { WindowLayout } from '../resume/call-resume-store.js';
