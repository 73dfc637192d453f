import { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../errors.js';

const codes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

/** The common error shape of PROTOCOL.md, as a schema (the OpenAPI document and tests read it). */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(codes),
      message: z.string(),
      details: z
        .looseObject({ issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() })
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
