import type { FastifyReply, FastifyRequest } from 'fastify'
import { requestedFormat, type ExportFormat } from '../domain/exports/table.js'
import type { ExportFile } from '../exports/make.js'

/** The file format a request asks for (`?format=`, then Accept), or null for JSON. */
export function fileFormat(req: FastifyRequest, query: string | undefined): ExportFormat | null {
  const f = requestedFormat(query, req.headers.accept)
  return f === 'json' ? null : f
}

/**
 * Sends a file as a download. `privateFile`: never stored by a cache (party-private briefs).
 * The bytes are sent as they are (a Buffer is never serialised by a response schema).
 */
export function sendFile(reply: FastifyReply, file: ExportFile, privateFile = false): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', privateFile ? 'private, no-store' : 'no-cache')
    .send(file.body)
}
