/** Page maths of the HR lists: which rows a page shows, and how many pages there are. */
export const PAGE_SIZE = 50;

export interface PageWindow {
  /** The page shown: the one asked for, or the last one when the list is shorter. */
  page: number;
  pageCount: number;
  skip: number;
  take: number;
  /** 1-based positions of the first and last rows shown (0 and 0 for an empty list). */
  firstRow: number;
  lastRow: number;
}

export function pageWindow(total: number, requested: number, size = PAGE_SIZE): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
  const skip = (page - 1) * size;
  const lastRow = Math.min(total, skip + size);
  return { page, pageCount, skip, take: size, firstRow: total === 0 ? 0 : skip + 1, lastRow };
}
