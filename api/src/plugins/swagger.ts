import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.js';

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema?: { type?: string; enum?: string[] } }[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
};

/**
 * Where a route takes `?format=csv`, documents its 200 response as text/csv as well as JSON.
 * (The zod type provider declares one content type per status; CSV bodies are sent as strings,
 * which Fastify does not serialise.)
 */
function documentCsvVariants(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const document = jsonSchemaTransformObject(input) as { paths?: Record<string, Record<string, Operation>> };
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      operation.parameters = [...(operation.parameters ?? []), ...LANGUAGE_PARAMETERS];
      const format = operation.parameters.find((p) => p.in === 'query' && p.name === 'format');
      const content = operation.responses?.['200']?.content;
      if (format?.schema?.enum?.includes('csv') && content) {
        content['text/csv'] = { schema: { type: 'string', description: 'RFC 4180 CSV with a header row' } };
      }
    }
  }
  return document as ReturnType<typeof jsonSchemaTransformObject>;
}

/**
 * Every operation answers in the language asked for (plugins/language.ts): names of States and
 * instruments and explanations; codes, dates and numbers are the same in every language.
 */
const LANGUAGE_PARAMETERS = [
  {
    in: 'query',
    name: 'lang',
    required: false,
    description: 'Language of names and explanations: en (default), fr, es or ar. Wins over Accept-Language; any other value is a 400.',
    schema: { type: 'string', enum: [...LANGUAGES] },
  },
  {
    in: 'header',
    name: 'Accept-Language',
    required: false,
    description: 'Used when `lang` is not given; the answer says its language in Content-Language.',
    schema: { type: 'string' },
  },
];

/** OpenAPI document built from the routes' zod schemas, at /api/openapi.json, with a UI at /api/docs. */
export const swaggerPlugin = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Treaty ratification and recommendation tracker API',
        description:
          'Participation in the Rome Statute and its amendments, APIC, UNCAT and OPCAT; reporting to the ' +
          'Committee against Torture; UPR recommendations and their follow-up. Every fact carries its ' +
          'source and the date its data is as of.',
        version: '0.1.0',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      tags: [
        { name: 'meta', description: 'Service health and the sources behind the data' },
        { name: 'states', description: 'The 197 states and entities, their groups and their events' },
        { name: 'instruments', description: "The 11 instruments and every state's status on any date" },
        {
          name: 'cat-reporting',
          description: 'Reports due to the Committee against Torture: history, deadlines, what is established as overdue',
        },
        { name: 'upr', description: 'Universal Periodic Review: recommendations, responses, links to the instruments, implementation' },
        {
          name: 'advocacy',
          description:
            "Universality advocacy: who has not joined an instrument, what they said at the UPR about joining, when they are next reviewed, and each group's progress",
        },
        { name: 'accounts', description: 'Signing in, users and API tokens (admins manage users and tokens)' },
        { name: 'editing', description: 'Recording, correcting and retracting facts: editors only, each write cited and audited' },
        {
          name: 'follow-up',
          description: 'UPR follow-up plans: an organisation’s clusters, actions and progress over time, private until published',
        },
        { name: 'review', description: "The review queue: unconfirmed reports and readers' flags, confirmed or rejected by editors" },
        { name: 'changes', description: 'The public change feed: every recorded change, with its organisation, source and reason' },
      ],
      components: {
        securitySchemes: {
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token made by an admin (POST /api/admin/tokens), scoped to what it may write',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'tracker_session',
            description: 'A signed-in browser (POST /api/auth/sign-in); its writes must also send the x-csrf-token header',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: documentCsvVariants,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/openapi.json',
    {
      schema: {
        tags: ['meta'],
        summary: 'This OpenAPI 3.1 document',
        response: { 200: z.looseObject({ openapi: z.string() }) },
      },
    },
    async () => app.swagger() as unknown as { openapi: string },
  );
});
