/**
 * The runtime part of `transaction` (transaction.ts says what it does and holds its language
 * part): compiled to a TransactionRuntime (model/transaction.ts) around its own compiled steps.
 */
import { createKeySampler } from '../../engine/index.ts';
import { handlerStep } from '../frame.ts';
import { advance } from '../journey.ts';
import { RowTable, TransactionRuntime, TX_BEGIN, TX_END } from '../transaction.ts';
import type { HandledStepKind } from './step-kind.ts';
import { type TransactionRaw, type TransactionStepDef, transactionSyntax } from './transaction.ts';

export const transaction: HandledStepKind<TransactionRaw, TransactionStepDef, TransactionRuntime> =
  {
    ...transactionSyntax,
    compile(def, { serviceId, where }, ctx) {
      const ks = ctx.keySpaces.get(def.keys);
      if (ks === undefined) throw new Error(`unresolved key space ${def.keys}`);
      let rows = ctx.rowTables.get(def.keys);
      if (rows === undefined) {
        rows = new RowTable();
        ctx.rowTables.set(def.keys, rows);
      }
      const name = def.name === '' ? where : def.name;
      const tx = new TransactionRuntime(
        name,
        def.locking === 'optimistic',
        def.lockWaitMs,
        def.retries,
        ctx.sim,
        ctx.metrics.addTransaction(name, def.locking, def.keys),
        rows,
        createKeySampler(def.access, ks.size, ctx.rng.stream(`${where}/tx-keys`)),
        advance,
      );
      tx.steps = [
        handlerStep(TX_BEGIN, tx),
        ...ctx.compileSteps(def.steps, serviceId, `${where}/tx/`),
        handlerStep(TX_END, tx),
      ];
      tx.compensate = ctx.compileSteps(def.compensate, serviceId, `${where}/compensate/`);
      return tx;
    },
    run(f, step) {
      (step.payload as TransactionRuntime).start(f);
      return false;
    },
  };
