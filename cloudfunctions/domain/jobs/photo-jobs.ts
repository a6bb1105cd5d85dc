// The jobs the `photoCheck` function's timer runs every minute, in order. New check-ins' photos against earlier ones (domain/integrity): a copied photo is held for the host within the minute.
// Each is idempotent: running it twice in a row changes nothing the second time.
import type { Job } from './job'
import { checkPhotoIntegrity } from '../integrity/check-photos'

export const PHOTO_JOBS: Job[] = [
  // New check-ins' photos against earlier ones (domain/integrity): a copied photo is held for the host within the minute.
  { name: 'checkPhotoIntegrity', run: (runtime) => checkPhotoIntegrity(runtime) }
]
