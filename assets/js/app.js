// Enhancements only: every page works without this script.
import { initAll } from 'govuk-frontend';
import { initAll as initMoj } from '@ministryofjustice/frontend';

initAll();
initMoj();
