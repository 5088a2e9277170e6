/**
 * Label and field selectors, as apimachinery's labels.Parse and fields.ParseSelector parse and
 * match them: label-selector.ts (with its lexer in label-selector-lexer.ts) and field-selector.ts.
 */
export {
  newRequirement,
  parseInt64,
  parseLabelSelector,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
} from './label-selector';
export { parseFieldSelector, type FieldRequirement, type FieldSelector } from './field-selector';
export { SelectorError } from './selector-shared';
