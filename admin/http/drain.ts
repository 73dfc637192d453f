import { drainPages, type Page, type PageRequest } from '../../core/index.js';

/** Reads every page of a paginated store list, bounded so one request cannot load an unbounded history. */
export const drain = <T>(list: (page: PageRequest) => Promise<Page<T>>, max = 5000): Promise<T[]> => drainPages(list, max);
