import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import {
  configApiRef,
  discoveryApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SamplePeopleList } from './SamplePeopleList';
import { fetchSamplePeople, SamplePerson } from './samplePeopleClient';
import { SignInOptions } from './signInOptions';

const RETRY_MS = 3000;

/**
 * The choices of the sign-in page: the identity provider, and in development
 * the sample's people. Says so when neither is configured.
 */
export function SignInChooser(props: {
  options: SignInOptions;
  error?: Error;
  onOidcSignIn(): void;
  onPickSample(person: SamplePerson): void;
}) {
  const { options, error, onOidcSignIn, onPickSample } = props;
  const configApi = useApi(configApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const [people, setPeople] = useState<SamplePerson[]>();
  const [peopleError, setPeopleError] = useState<Error>();

  useEffect(() => {
    if (!options.sample) {
      return undefined;
    }
    // The development backend starts with an empty catalog (and restarts on
    // every source change): ask again until the people are there.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchSamplePeople(discoveryApi).then(
        loaded => {
          setPeople(loaded);
          setPeopleError(undefined);
          if (loaded.length === 0) {
            timer = setTimeout(load, RETRY_MS);
          }
        },
        failure => {
          setPeopleError(failure);
          timer = setTimeout(load, RETRY_MS);
        },
      );
    load();
    return () => clearTimeout(timer);
  }, [discoveryApi, options.sample]);

  const nothingConfigured = !options.oidc && !options.sample;
  return (
    <Page themeId="home">
      <Header
        title={configApi.getOptionalString('app.title') ?? 'Backstage'}
        subtitle="Sign in"
      />
      <Content>
        {error && (
          <Typography role="alert" color="error" paragraph>
            {error.message}
          </Typography>
        )}
        <Grid container spacing={3}>
          {options.oidc && (
            <Grid item xs={12} md={4}>
              <InfoCard title="Your account">
                <Typography paragraph>
                  Sign in with your account at {options.oidc.title}; your groups
                  there decide what you may do.
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={onOidcSignIn}
                >
                  Sign in with {options.oidc.title}
                </Button>
              </InfoCard>
            </Grid>
          )}
          {options.sample && (
            <Grid item xs={12} md={8}>
              <InfoCard
                title="Sample organization (development only)"
                subheader="Sign in as one of its people: what you may do follows their team."
              >
                {peopleError && (
                  <Typography role="alert" color="error">
                    {peopleError.message}
                  </Typography>
                )}
                {!people?.length && !peopleError && <Progress />}
                {people?.length === 0 && (
                  <Typography>
                    None of the people in auth.providers.sample.people is in the
                    catalog yet; it may still be loading.
                  </Typography>
                )}
                {people && (
                  <SamplePeopleList people={people} onPick={onPickSample} />
                )}
              </InfoCard>
            </Grid>
          )}
          {nothingConfigured && (
            <Grid item xs={12}>
              <InfoCard title="No sign-in configured">
                <Typography>
                  This portal has no way to sign in: configure an OpenID Connect
                  provider (auth.providers.oidc, see the "Sign-in" section of
                  the README).
                </Typography>
              </InfoCard>
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
