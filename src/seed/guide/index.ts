import { firstSteps } from './01-first-steps.js';
import { residence } from './02-residence.js';
import { language } from './03-language.js';
import { work } from './04-work.js';
import { training } from './05-training.js';
import { health } from './06-health.js';
import { housing } from './07-housing.js';
import { children } from './08-children.js';
import { leisure } from './09-leisure.js';
import { volunteering } from './10-volunteering.js';
import { mediation } from './11-mediation.js';
import type { DemoPage } from './types.js';

/** The demo guide's top-level topics, in order, each with its subpages. */
export const DEMO_GUIDE: DemoPage[] = [firstSteps, residence, language, work, training, health, housing, children, leisure, volunteering, mediation];

/** All pages of the demo guide, depth first. */
export function allDemoPages(pages: DemoPage[] = DEMO_GUIDE): DemoPage[] {
  return pages.flatMap((page) => [page, ...allDemoPages(page.children ?? [])]);
}
