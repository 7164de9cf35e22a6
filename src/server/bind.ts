import type {
  ContextConfigDefault,
  FastifyContextConfig,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  errorResponses,
  fileResponse,
  type Operation,
  type OperationParts,
} from '../contracts/operation.js'
import type { App } from './request-context.js'

/** A file in the OpenAPI document (the bytes are sent as they are, never serialised). */
const BINARY = z.string().meta({ format: 'binary' })

type Or<T, D> = T extends z.ZodType ? T : D

/** The Fastify schema of an operation, so a handler's request and reply are typed by it. */
export interface SchemaOf<P extends OperationParts> {
  params: Or<P['params'], undefined>
  querystring: Or<P['querystring'], undefined>
  headers: Or<P['headers'], undefined>
  body: Or<P['body'], undefined>
  response: Record<P['status'] extends 201 | 204 ? P['status'] : 200, Or<P['response'], z.ZodNull>>
}

export type Handler<P extends OperationParts> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<P>,
  ZodTypeProvider
>

/**
 * Registers the handler of a declared operation (src/contracts): its method, path, permission,
 * OpenAPI words and schemas come from the declaration, so the route, its document and its
 * clients cannot disagree.
 */
export function bind<P extends OperationParts>(
  app: App,
  op: Operation<P>,
  handler: Handler<P>,
  /** Route settings beyond the declaration (a stricter rate limit). */
  config: Omit<FastifyContextConfig, 'permission'> = {},
): void {
  const p = op.parts
  app.route({
    method: op.method,
    url: op.url,
    config: { ...config, permission: op.permission },
    schema: {
      operationId: op.operationId,
      summary: op.summary,
      tags: [...op.tags],
      ...(p.description === undefined ? {} : { description: p.description }),
      ...(p.params === undefined ? {} : { params: p.params }),
      ...(p.querystring === undefined ? {} : { querystring: p.querystring }),
      ...(p.headers === undefined ? {} : { headers: p.headers }),
      ...(p.body === undefined ? {} : { body: p.body }),
      response: {
        [p.status ?? 200]:
          p.files === undefined ? (p.response ?? z.null()) : fileResponse(op, p.response, BINARY),
        ...errorResponses(op),
      },
    },
    handler: handler as never,
  })
}
