// `c` and `o` on a row: copy its ARN, ID or name to the clipboard (OSC 52, so it works over SSH),
// or open its page in the AWS console (in a browser when there is one; otherwise the URL is put on
// the clipboard and shown).
import type { KindId, Scope } from "../../kinds/types.js";
import { consoleUrl, referencesOf, type Reference } from "./row-links.js";
import { StepFlow } from "../dialogs/step-dialog.js";

export interface RowOutputs {
  copy(text: string): void;
  /** Opens the URL in a browser; false when there is none here. */
  browse(url: string): boolean;
}

export class CopyAndOpen extends StepFlow {
  /** With several ways to refer to the row, a small menu; with one, copied at once. */
  copy(kind: KindId, key: string, outputs: RowOutputs): void {
    const references = referencesOf(kind, key);
    if (references.length === 1) return this.copied(references[0]!, outputs);
    this.dialog.openPick({
      title: "Copy to the clipboard",
      items: references.map((reference) => ({ label: reference.label, note: reference.value })),
      notes: [],
      submit: "enter copies",
      choose: (index) => {
        this.dialog.close();
        this.copied(references[index]!, outputs);
      },
    });
  }

  open(kind: KindId, key: string, scope: Scope, outputs: RowOutputs, region?: string): void {
    const url = consoleUrl(kind, key, scope, region);
    if (!url) return this.host.flash("the AWS console has no page for this row", "info");
    if (outputs.browse(url)) return this.host.flash(`opened ${url}`, "info");
    outputs.copy(url);
    this.host.flash(`no browser here; the console URL is on the clipboard: ${url}`, "info");
  }

  private copied(reference: Reference, outputs: RowOutputs): void {
    outputs.copy(reference.value);
    this.host.flash(`copied the ${reference.label}: ${reference.value}`, "info");
  }
}
