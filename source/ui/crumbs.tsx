import { Text } from "ink";
import { theme } from "./theme.js";
import { sanitizeCell } from "../core/text/sanitize.js";

export function Crumbs({ crumbs }: { crumbs: string[] }) {
  return (
    <Text wrap="truncate-end">
      {crumbs.map((crumb, i) => (
        <Text key={i}>
          {i > 0 ? " " : ""}
          <Text
            backgroundColor={i === crumbs.length - 1 ? theme.crumb : theme.crumbAbove}
            color={theme.crumbText}
            bold={i === crumbs.length - 1}
            inverse={theme.crumb === undefined}
          >{` <${sanitizeCell(crumb)}> `}</Text>
        </Text>
      ))}
    </Text>
  );
}
