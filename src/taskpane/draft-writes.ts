/**
 * The last write of a rules draft to the workbook, shared by the criteria view and
 * the text view: a view mounted after the other was closed waits for it before
 * reading the draft back, so nothing typed in one view is missing from the other.
 */
let last: Promise<void> = Promise.resolve();

/** Remember a draft write; failures are the writer's to report, so they are swallowed here. */
export function trackDraftWrite(write: Promise<void>): Promise<void> {
  last = last.then(() => write).catch(() => undefined);
  return last;
}

/** Settles once every draft write started so far has. */
export function draftWritesSettled(): Promise<void> {
  return last;
}
