import { compromiseConfig, httpConfig, openaiConfig, stringMatchConfig } from '../config';
import type { Recommender, RecommenderSettings } from '../types';
import { compromiseKind } from './compromise';
import { httpKind } from './http';
import { openaiKind } from './openai';
import { stringMatch } from './string-match';

/** The kind implementation for a stored recommender (its config was validated when saved; parsed again here). */
export function createRecommender(settings: RecommenderSettings): Recommender {
  switch (settings.kind) {
    case 'string-match':
      return stringMatch(stringMatchConfig.parse(settings.config), settings.gazetteer);
    case 'compromise':
      return compromiseKind(compromiseConfig.parse(settings.config));
    case 'openai':
      return openaiKind(settings.id, openaiConfig.parse(settings.config), settings);
    case 'http':
      return httpKind(httpConfig.parse(settings.config));
  }
}
