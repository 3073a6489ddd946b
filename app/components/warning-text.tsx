import type { ReactNode } from "react";

/** GOV.UK warning text: the "!" icon, and "Warning" for screen readers before the message. */
export function WarningText({
  children,
  as: Tag = "strong",
}: {
  children: ReactNode;
  as?: "strong" | "div";
}) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <Tag className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </Tag>
    </div>
  );
}
