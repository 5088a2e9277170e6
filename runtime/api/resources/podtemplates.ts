import { resourceType, type ResourceType } from '../resource';
import { defaultPodTemplate } from './pods';
import { column, formatLabels, NAME_COLUMN } from '../table';

type Template = {
  metadata?: { labels?: Record<string, string> };
  spec?: { containers?: Array<{ name?: string; image?: string }> };
};

/** v1 PodTemplate. Its table has no Age column. */
export const podtemplates: ResourceType = resourceType('PodTemplate', 'podtemplates', 'v1', {
  namespaced: true,
  // pkg/registry/core/podtemplate/strategy.go: template changes.
  generation: { fields: ['template'] },
  table: {
    columns: [
      NAME_COLUMN,
      column('Containers', 'string', 'Names of each container in the template.'),
      column('Images', 'string', 'Images referenced by each container in the template.'),
      column('Pod Labels', 'string', 'The labels for the pod template.'),
    ],
    row(object) {
      const template = (object.template ?? {}) as Template;
      const containers = template.spec?.containers ?? [];
      return [
        object.metadata?.name ?? '',
        containers.map((c) => c.name ?? '').join(','),
        containers.map((c) => c.image ?? '').join(','),
        formatLabels(template.metadata?.labels),
      ];
    },
  },
  defaults(podTemplate) {
    defaultPodTemplate(podTemplate.template);
  },
});
