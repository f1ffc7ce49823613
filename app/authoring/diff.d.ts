/** The part of the `diff` package (5.x, which ships no types) that the history's line diff uses. */
declare module "diff" {
  export interface Change {
    value: string;
    count?: number;
    added?: boolean;
    removed?: boolean;
  }
  export function diffLines(
    oldText: string,
    newText: string,
    options?: { ignoreWhitespace?: boolean; newlineIsToken?: boolean },
  ): Change[];
}
