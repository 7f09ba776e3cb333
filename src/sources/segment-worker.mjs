// Worker threads start without the parent's module hooks: register tsx before the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./segment-worker.ts');
