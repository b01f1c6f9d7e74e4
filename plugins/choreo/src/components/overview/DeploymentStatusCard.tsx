/** Placeholder: being built. */
export const DeploymentStatusCard = () => <div>DeploymentStatusCard</div>;
