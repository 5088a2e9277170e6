// Each kind's detail sections, by plural.
import type { Json } from './api';
import { OTHER_SECTIONS } from './detail-others';
import { POD_SECTIONS } from './detail-pod';
import { WORKLOAD_SECTIONS } from './detail-workloads';
import type { View } from './page';

/** The cards a detail page shows between its metadata and its actions. */
export const DETAIL_SECTIONS: Record<string, (object: Json, view: View) => Promise<string[]>> = {
  ...WORKLOAD_SECTIONS,
  ...POD_SECTIONS,
  ...OTHER_SECTIONS,
};
