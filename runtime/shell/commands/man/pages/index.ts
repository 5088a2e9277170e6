// Every manual page the learner's host has, by name.
import type { ManPage } from '../page';
import { FILE_PAGES } from './files';
import { FILTER_PAGES } from './filters';
import { KUBERNETES_PAGES } from './kubernetes';
import { PAGER_PAGES } from './pagers';
import { PATH_PAGES } from './paths';
import { PROC } from './proc';
import { BASH } from './shell';
import { SYSTEM_PAGES } from './system';
import { TEXT_PAGES } from './text';

export const MAN_PAGES: readonly ManPage[] = [
  ...KUBERNETES_PAGES,
  ...FILE_PAGES,
  ...PATH_PAGES,
  ...TEXT_PAGES,
  ...FILTER_PAGES,
  ...SYSTEM_PAGES,
  ...PAGER_PAGES,
  BASH,
  PROC,
];

/** The page `name` answers to (in `section` when given), or undefined. */
export function findPage(name: string, section?: string): ManPage | undefined {
  return MAN_PAGES.find(
    (page) =>
      (page.name === name || page.aliases?.includes(name)) && (section === undefined || page.section === section),
  );
}
