import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { serverEnv } from "./env";
import { createPrismaClient } from "./prisma-client";

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (serverEnv().NODE_ENV !== "production") globalForPrisma.prisma = db;
