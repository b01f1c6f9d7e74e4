import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// Only the portal's own pages: a self-hosted portal must not send anyone
// (or any request) to the internet.
const content = `
This portal is where you build, deploy and run your software on the
platform: every project, component, API, environment and pipeline of the
OpenChoreo control plane, current within seconds.

- **Your components**: the [catalog](/catalog) lists them. A component's
  **Deploy** tab shows what runs in each environment and promotes, rolls
  back or restarts it; changes to production wait for someone else's
  approval. **Builds** shows its runs and their logs.
- **How your services talk**: a project's **Cell** tab draws its
  components, their endpoints and the traffic between them; **Network**
  streams the flows, dropped ones with their reason.
- **Reuse what others built**: the [Marketplace](/choreo/marketplace)
  finds endpoints across the organisation and connects your component to
  one.
- **Start something new**: [Create](/create) makes projects, components,
  environments and pipelines from the platform's templates.
- **The platform itself**: the [Platform](/choreo/platform) page shows the
  environments, pipelines and planes, whether the portal's sources are
  current, and who may do what.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started',
    description: 'What the portal offers and where to find it',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
