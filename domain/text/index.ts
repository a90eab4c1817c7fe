/** Text primitives shared by the pre-screens: 条/款/项 segmentation, sentences, Chinese numerals. */
export { segment, innermostLabel, coveringLabels, type Segment } from './segment';
export { splitSentences, sentenceAt, itemsOfProhibitedLists, type Sentence } from './sentences';
