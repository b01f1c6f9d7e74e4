import { useCallback, useEffect, useMemo, useState } from 'react';
import { Progress, UserIdentity } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef } from './oidcAuthApi';
import { SampleSignIn } from './SampleSignIn';
import { SignInChooser } from './SignInChooser';
import {
  forgetSamplePick,
  storedSamplePick,
  storeSamplePick,
} from './samplePick';
import { signInOptions } from './signInOptions';

/**
 * The portal's sign-in page: "Sign in with <IdP>" when OIDC is configured,
 * and in development the sample's people to pick from. An existing session
 * (the IdP's refresh cookie, or a person picked before) signs in without a
 * click.
 */
export function ChoreoSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const configApi = useApi(configApiRef);
  const oidcApi = useApi(oidcAuthApiRef);
  const options = useMemo(() => signInOptions(configApi), [configApi]);
  const [pick, setPick] = useState(() =>
    options.sample ? storedSamplePick() : undefined,
  );
  // Only when nothing was picked is an IdP session worth looking for.
  const [checkingSession, setCheckingSession] = useState(
    !pick && options.oidc !== undefined,
  );
  const [error, setError] = useState<Error>();

  const signInWithOidc = useCallback(
    async (optional: boolean) => {
      const response = await oidcApi.getBackstageIdentity({
        optional,
        instantPopup: !optional,
      });
      if (!response) {
        return false;
      }
      const profile = await oidcApi.getProfile({ optional: true });
      onSignInSuccess(
        UserIdentity.create({
          identity: response.identity,
          authApi: oidcApi,
          ...(profile ? { profile } : {}),
        }),
      );
      return true;
    },
    [oidcApi, onSignInSuccess],
  );

  useEffect(() => {
    if (!checkingSession) {
      return;
    }
    signInWithOidc(true)
      // An expired or revoked session is no error: the page asks again.
      .catch(() => false)
      .then(signedIn => {
        if (!signedIn) {
          setCheckingSession(false);
        }
      });
  }, [checkingSession, signInWithOidc]);

  const onSampleFailure = useCallback((failure: Error) => {
    forgetSamplePick();
    setPick(undefined);
    setError(failure);
  }, []);

  if (pick) {
    return (
      <SampleSignIn
        person={pick}
        onSignInSuccess={onSignInSuccess}
        onFailure={onSampleFailure}
      />
    );
  }
  if (checkingSession) {
    return <Progress />;
  }
  return (
    <SignInChooser
      options={options}
      error={error}
      onOidcSignIn={() => {
        setError(undefined);
        signInWithOidc(false).catch(setError);
      }}
      onPickSample={person => {
        setError(undefined);
        storeSamplePick(person.userEntityRef);
        setPick(person.userEntityRef);
      }}
    />
  );
}
