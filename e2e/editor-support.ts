/**
 * Monaco is about 1 MB of script to fetch, parse and start: seconds on a 2-core CI runner with
 * two browsers at work. A ceiling for "the editor is there", not a timing claim (bench:weight
 * measures how fast it is).
 */
export const editorReady = { timeout: 45_000 };
