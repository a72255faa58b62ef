// Assembles the graph: each import adds its part to the one builder.
import { builder } from '../builder.js';
import './errors.js';
import './money.js';
import './scalars.js';
import './enums.js';
import './project.js';
import './me.js';
import './code-lists.js';
import './projects-query.js';
import './file-request.js';
import './project-details.js';
import './lifecycle-actions.js';
import './project-timeline.js';
import './priority-weights.js';
import './needs.js';
import './reprioritisation.js';
import './needs-import.js';
import './needs-curation.js';
import './need-rules.js';
import './roster.js';
import './matching.js';
import './available-actions.js';
import './live.js';
import './evaluation-panel.js';
import './reports.js';
import './notifications.js';

export const schema = builder.toSchema();
