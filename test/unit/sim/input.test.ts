// The simulator's request member readers: absent and null members are undefined, a member of the
// wrong type is the service's own error naming it, and AWS's constraint wording.
import { describe, expect, it } from "vitest";
import { constraintMessage, memberReaders, optionalString, stringList } from "../../../source/sim/input.js";
import { SimError } from "../../../source/sim/protocol.js";

const validation = (message: string) => new SimError("ValidationException", message);

function thrown(read: () => unknown): { code: string; message: string } {
  try {
    read();
  } catch (error) {
    if (error instanceof SimError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected the read to throw");
}

describe("memberReaders", () => {
  const read = memberReaders(validation);

  it("reads present members and takes absent or null ones as undefined", () => {
    const input = { Name: "cart", Count: 3, On: false, Spec: { a: 1 }, Ids: ["a", "b"], Gone: null };
    expect(read.optionalString(input, "Name")).toBe("cart");
    expect(read.optionalInteger(input, "Count")).toBe(3);
    expect(read.optionalBoolean(input, "On")).toBe(false);
    expect(read.optionalObject(input, "Spec")).toEqual({ a: 1 });
    expect(read.optionalStringList(input, "Ids")).toEqual(["a", "b"]);
    for (const member of ["Gone", "Missing"]) {
      expect(read.optionalString(input, member)).toBeUndefined();
      expect(read.optionalInteger(input, member)).toBeUndefined();
      expect(read.optionalBoolean(input, member)).toBeUndefined();
      expect(read.optionalObject(input, member)).toBeUndefined();
      expect(read.optionalStringList(input, member)).toBeUndefined();
      expect(read.stringList(input, member)).toEqual([]);
    }
  });

  it("keeps an empty list apart from an absent one", () => {
    expect(read.optionalStringList({ Ids: [] }, "Ids")).toEqual([]);
    expect(read.optionalStringList({}, "Ids")).toBeUndefined();
  });

  it("answers a member of the wrong type with the service's error, naming the member", () => {
    expect(thrown(() => read.optionalString({ Name: 3 }, "Name"))).toEqual({
      code: "ValidationException",
      message: "Name must be a string.",
    });
    expect(thrown(() => read.optionalInteger({ Count: 1.5 }, "Count")).message).toBe(
      "Count must be an integer.",
    );
    expect(thrown(() => read.optionalInteger({ Count: "2" }, "Count")).message).toBe(
      "Count must be an integer.",
    );
    expect(thrown(() => read.optionalBoolean({ On: "yes" }, "On")).message).toBe("On must be a boolean.");
    expect(thrown(() => read.optionalObject({ Spec: [] }, "Spec")).message).toBe("Spec must be a structure.");
    expect(thrown(() => read.optionalObject({ Spec: "x" }, "Spec")).message).toBe(
      "Spec must be a structure.",
    );
    expect(thrown(() => read.stringList({ Ids: [1] }, "Ids")).message).toBe("Ids must be a list of strings.");
    expect(thrown(() => read.optionalStringList({ Ids: "a" }, "Ids")).message).toBe(
      "Ids must be a list of strings.",
    );
  });

  it("names a nested structure's members by their path", () => {
    const inState = memberReaders(validation, "SuspendedState");
    expect(thrown(() => inState.optionalBoolean({ ScaleIn: 1 }, "ScaleIn")).message).toBe(
      "SuspendedState.ScaleIn must be a boolean.",
    );
  });

  it("exports ECS's readers, which answer InvalidParameterException", () => {
    expect(thrown(() => optionalString({ cluster: 1 }, "cluster"))).toEqual({
      code: "InvalidParameterException",
      message: "cluster must be a string.",
    });
    expect(thrown(() => stringList({ include: "TAGS" }, "include")).code).toBe("InvalidParameterException");
  });
});

describe("constraintMessage", () => {
  it("words a broken constraint as AWS does, the member's first letter lower-case", () => {
    expect(constraintMessage("MaxResults", 51, "Member must have value less than or equal to 50")).toBe(
      "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });

  it("shows a missing value as null", () => {
    expect(constraintMessage("Target", undefined, "Member must not be null")).toBe(
      "1 validation error detected: Value null at 'target' failed to satisfy constraint: Member must not be null",
    );
  });
});
