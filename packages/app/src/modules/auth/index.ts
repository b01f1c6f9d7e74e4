export { authModule } from './authModule';
