import { useEffect, useMemo } from 'react';
import { Progress, ProxiedSignInPage } from '@backstage/core-components';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { SAMPLE_PERSON_HEADER } from './samplePeopleClient';
import { forgetSamplePick } from './samplePick';
import { withSignOutStep } from './withSignOutStep';

/**
 * Signs in as the picked person through the backend's `sample` provider, and
 * keeps the session fresh like any proxied sign-in. Signing out forgets the
 * pick, so the sign-in page offers the people again.
 */
export function SampleSignIn(props: {
  person: string;
  onSignInSuccess: SignInPageProps['onSignInSuccess'];
  onFailure(error: Error): void;
}) {
  const { person, onSignInSuccess, onFailure } = props;
  const ErrorComponent = useMemo(
    () =>
      function SampleSignInFailed({ error }: { error?: Error }) {
        useEffect(() => {
          onFailure(error ?? new Error(`Could not sign in as ${person}`));
        }, [error]);
        return <Progress />;
      },
    [onFailure, person],
  );
  return (
    <ProxiedSignInPage
      provider="sample"
      headers={{ [SAMPLE_PERSON_HEADER]: person }}
      ErrorComponent={ErrorComponent}
      onSignInSuccess={identity =>
        onSignInSuccess(withSignOutStep(identity, forgetSamplePick))
      }
    />
  );
}
