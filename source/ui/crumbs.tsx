import { Text } from "ink";
import { sanitizeCell } from "../text/sanitize.js";

export function Crumbs({ crumbs }: { crumbs: string[] }) {
  return (
    <Text wrap="truncate-end">
      {crumbs.map((crumb, i) => (
        <Text key={i}>
          {i > 0 ? " " : ""}
          <Text
            backgroundColor={i === crumbs.length - 1 ? "cyan" : "gray"}
            color="black"
            bold={i === crumbs.length - 1}
          >{` <${sanitizeCell(crumb)}> `}</Text>
        </Text>
      ))}
    </Text>
  );
}
