import {
  CatalogProcessorParser,
  parseEntityYaml,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { choreoClaim } from './choreoClaims';

/**
 * The catalog's YAML parser for registered locations (files, URLs,
 * catalog-import), which refuses entities that claim what only the Choreo
 * provider may serve, with the reason on the location. The provider's own
 * entities do not pass through a parser.
 */
export function choreoEntityDataParser(
  store: ChoreoStoreReader,
): CatalogProcessorParser {
  return async function* parse({ data, location }) {
    for (const result of parseEntityYaml(data, location)) {
      const reason =
        result.type === 'entity'
          ? choreoClaim(store, result.entity)
          : undefined;
      yield reason ? processingResult.inputError(location, reason) : result;
    }
  };
}
