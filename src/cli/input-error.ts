/**
 * A bad input to `ita report` (a file, sheet or cell the user named): its message
 * already names the place in Thai and English. Its own module so that the command
 * line can recognise it without loading the report path.
 */
export class InputError extends Error {}
