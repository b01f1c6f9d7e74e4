import fs from 'node:fs';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  FlowLogFileSource,
  FlowSource,
  HubbleRelayClient,
} from '@choreo-for-backstage/plugin-choreo-node';

/**
 * The flow source `choreo.hubble` describes: a flow-log file (`file`,
 * resolved from the backend's working directory) or hubble-relay (`relay`).
 * Undefined when `choreo.hubble` is not set.
 */
export function flowSourceFromConfig(
  config: Config,
  logger?: LoggerService,
): FlowSource | undefined {
  const hubble = config.getOptionalConfig('choreo.hubble');
  if (!hubble) return undefined;
  const bufferSize = hubble.getOptionalNumber('bufferSize');
  const file = hubble.getOptionalString('file');
  const relay = hubble.getOptionalConfig('relay');
  if (file && relay) {
    throw new Error(
      'choreo.hubble has both file and relay; set only one flow source',
    );
  }
  if (file) {
    return new FlowLogFileSource({
      path: path.resolve(file),
      follow: hubble.getOptionalBoolean('follow') ?? true,
      bufferSize,
      logger,
    });
  }
  if (relay) {
    const tls = relay.getOptionalConfig('tls');
    const insecure = relay.getOptionalBoolean('insecure') ?? false;
    if (tls && insecure) {
      throw new Error(
        'choreo.hubble.relay has both tls and insecure: true; remove one of them',
      );
    }
    const read = (key: string) => {
      const pem = tls?.getOptionalString(key);
      return pem ? fs.readFileSync(path.resolve(pem)) : undefined;
    };
    return new HubbleRelayClient({
      address: relay.getString('address'),
      // TLS with the system roots unless plaintext is asked for explicitly
      tls: insecure
        ? undefined
        : {
            ca: read('caFile'),
            cert: read('certFile'),
            key: read('keyFile'),
            serverName: tls?.getOptionalString('serverName'),
          },
      bufferSize,
      logger,
    });
  }
  throw new Error(
    'choreo.hubble needs a flow source: file (a Hubble JSON flow log) or relay.address (hubble-relay)',
  );
}
