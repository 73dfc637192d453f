/**
 * TEST-ONLY: a local stand-in for the Bot Framework token service, so tests run botbuilder's real JWT validation
 * (issuer, audience = app id, signature via OpenID metadata + JWKS, serviceUrl claim) without the internet.
 * Outbound calls get a fixed bearer instead of an MSAL token from login.microsoftonline.com.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { ChannelAuthentication } from '../channels/botframework-router.js';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const TEST_APP_ID = 'parley-test-app';
const ISSUER = 'https://api.botframework.com';

type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;

class FixedCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === TEST_APP_ID;
  }
  override async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  override async createCredentials(): Promise<Credentials> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', 'Bearer outbound-test-token');
        return request;
      },
    } as Credentials;
  }
}

export interface TestIssuer {
  authentication: ChannelAuthentication;
  /** A channel token for `serviceUrl` (what the Bot Framework service sends in Authorization). */
  token(serviceUrl: string, opts?: { audience?: string; foreignKey?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(channelId = 'test'): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig', endorsements: [channelId] };
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;
  const authentication = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: TEST_APP_ID, ToBotFromChannelOpenIdMetadataUrl: url, ToBotFromChannelTokenIssuer: ISSUER },
    new FixedCredentialsFactory({ MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'app-secret' }),
  );
  return {
    authentication,
    token: (serviceUrl, opts = {}) =>
      new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience(opts.audience ?? TEST_APP_ID)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(opts.foreignKey ? other.privateKey : privateKey),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
