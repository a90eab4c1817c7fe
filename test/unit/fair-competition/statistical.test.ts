/**
 * The statistical fallback (domain/fair-competition/statistical.ts): a frozen artefact trained on
 * the dev split only and reproducible from it, read without training, deterministic, silent where
 * a rule spoke or the context clears the sentence, and reporting exact spans with a low confidence.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import artefact from '../../../domain/fair-competition/model/fallback-2024-08-01.json';
import { crossValidate, foldById, hashId } from '../../../domain/fair-competition/eval/crossValidate';
import { devItems, labelledItems } from '../../../domain/fair-competition/eval/data';
import { prescreen } from '../../../domain/fair-competition';
import { prescreenWith } from '../../../domain/fair-competition/prescreen';
import {
  FALLBACK_THRESHOLD,
  type ModelArtefact,
  classify,
  countModel,
  shippedModel,
  trainModel,
} from '../../../domain/fair-competition/statistical';

const items = labelledItems();
const defaultModel = shippedModel;

// No rule recognises this wording; the model reads it as a designated provider.
const MISSED = '各乡镇开展的农村电影放映活动，统一由县电影公司承接放映。';

describe('training data', () => {
  it('is the dev split and nothing else: no test item leaks into the shipped model', () => {
    const model = defaultModel();
    const testIds = new Set(items.filter((i) => i.split === 'test').map((i) => i.id));
    const devIds = new Set(items.filter((i) => i.split === 'dev').map((i) => i.id));
    expect(testIds.size).toBeGreaterThan(0);
    expect(model.trainingIds.filter((id) => testIds.has(id))).toEqual([]);
    expect(model.trainingIds.every((id) => devIds.has(id))).toBe(true);
    expect(model.trainingIds).toHaveLength(devIds.size);
    expect(devItems().every((i) => i.split === 'dev')).toBe(true);
  });

  it('knows every standard and a clean class', () => {
    const model = defaultModel();
    expect(model.classes).toHaveLength(20);
    expect(model.classes[model.clean]).toBe('clean');
  });

  it('a test clause is not memorised: its text is no training text', () => {
    const trained = new Set(devItems().map((i) => i.text));
    const leaked = items.filter((i) => i.split === 'test' && trained.has(i.text)).map((i) => i.id);
    // identical wording written into both splits would inflate test numbers
    expect(leaked.length).toBeLessThanOrEqual(2);
  });
});

describe('determinism', () => {
  it('training twice gives the same weights, and the shipped model is read once', () => {
    const a = trainModel(devItems());
    const b = trainModel(devItems());
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(defaultModel()).toBe(defaultModel());
  });

  it('the same text always gives the same result', () => {
    const doc = `第一条 ${MISSED}\n第二条 区内旅行社组织的一日游线路，价格统一执行每人120元。`;
    const first = prescreen(doc);
    for (let i = 0; i < 3; i++) expect(prescreen(doc)).toEqual(first);
    expect(classify(defaultModel(), MISSED)).toEqual(classify(defaultModel(), MISSED));
  });

  it('fold assignment is a pure function of the item id', () => {
    expect(hashId('test-A1-001')).toBe(hashId('test-A1-001'));
    const fold = foldById(5);
    const dev = devItems();
    expect(dev.map(fold)).toEqual(dev.map(fold));
    expect(new Set(dev.map(fold)).size).toBe(5);
  });
});

describe('the frozen model (pinned results)', () => {
  const frozen = artefact as ModelArtefact;

  it('is reproduced byte for byte by training on its own training ids: the artefact is what the script builds', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    const training = frozen.trainingIds.map((id) => byId.get(id)!);
    expect(training.every((i) => i !== undefined && i.split === 'dev')).toBe(true);
    const rebuilt = countModel(training);
    expect(rebuilt.rows).toEqual(frozen.rows);
    expect(rebuilt.docs).toEqual(frozen.docs);
    expect(rebuilt.totals).toEqual(frozen.totals);
    expect(rebuilt.classes).toEqual(frozen.classes);
  });

  it('gives the same weights as training the model in memory', () => {
    const trained = trainModel(frozen.trainingIds.map((id) => items.find((i) => i.id === id)!));
    const shipped = defaultModel();
    expect(Buffer.from(shipped.weights.buffer).equals(Buffer.from(trained.weights.buffer))).toBe(true);
    expect(Array.from(shipped.logPrior)).toEqual(Array.from(trained.logPrior));
  });

  it('was validated at the threshold the pre-screen uses', () => {
    expect(frozen.threshold).toBe(FALLBACK_THRESHOLD);
    expect(frozen.version).toMatch(/^fcr-nb-2024-08-01\.\d+$/);
  });

  it('keeps the labelled data off the run-time path: no pre-screen module imports it', () => {
    const root = join(__dirname, '../../../domain/fair-competition');
    for (const file of ['statistical.ts', 'prescreen.ts', 'context.ts', 'index.ts', 'explain.ts', 'catalogue.ts']) {
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/labelled\.json|eval\/data/);
    }
  });
});

describe('fallback findings', () => {
  it('reports a sentence no rule catches, with an exact span, low confidence and a cited article', () => {
    expect(prescreenWith(MISSED, {}, null).findings).toEqual([]);
    const text = `第三条  ${MISSED}  \n`;
    const { findings } = prescreen(text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.confidence).toBe('low');
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
    expect(f.excerpt).toBe(`第三条  ${MISSED.replace(/。$/, '')}`);
    expect(f.explanation).toMatch(/统计相似/);
    expect(f.explanation).toMatch(/《公平竞争审查条例》第八条/);
    expect(f.code).toMatch(/^FCR-A/);
  });

  it('stays silent where a rule found something in the sentence', () => {
    const text = '区内旅行社组织的一日游线路，价格统一执行每人120元。';
    const rules = prescreenWith(text, {}, null).findings;
    expect(rules.length).toBeGreaterThan(0);
    expect(prescreen(text).findings).toEqual(rules);
  });

  it.each([
    ['a cited law', `依照《电影产业促进法》规定，${MISSED}`],
    ['open competition', MISSED.replace('统一由县电影公司', '通过公开招标确定的单位')],
    ['a safeguard', MISSED.replace('。', '，各类放映单位平等参与。')],
  ])('respects the context mitigations: %s', (_, text) => {
    // the model alone would still flag it; the context is what keeps it silent
    const v = classify(defaultModel(), text);
    if (v && v.margin >= FALLBACK_THRESHOLD) expect(prescreen(text).findings.filter((f) => f.confidence === 'low')).toEqual([]);
    expect(prescreen(text).findings.filter((f) => f.explanation.includes('统计相似'))).toEqual([]);
  });

  it('does not score headings or fragments', () => {
    expect(prescreen('第一章 总则').findings).toEqual([]);
    expect(prescreen('本'.repeat(10000)).findings).toEqual([]);
  });
});

describe('cross-validation', () => {
  it('is computed on dev items only and reports sensible counts', () => {
    const dev = devItems().filter((i) => hashId(i.id) % 4 === 0);
    const [s] = crossValidate(dev, foldById(3), [FALLBACK_THRESHOLD]);
    expect(s!.positives + s!.negatives).toBe(dev.length);
    expect(s!.correct + s!.wrong).toBeLessThanOrEqual(s!.positives);
  });
});
