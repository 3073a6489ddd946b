import { useFetcher, useNavigate } from '@remix-run/react';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { Model } from 'survey-core';
import { useAuthenticityToken } from 'remix-utils/csrf/react';
import { NeedsJavaScript } from './needs-javascript';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { registerSurveyProperties } from '../properties';
import { applyGovukTheme } from './govuk-survey-theme';
import { StoredAnswers } from './preview-parts';

interface Saved {
  responseId: string;
  answers: Record<string, unknown>;
  page: number;
}

type SubmitReply = { ok: true; duplicate?: boolean } | { ok: false; errors: FieldError[] };
type PreviewReply = { ok: true; answers: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * Runs a question set in SurveyJS's own React UI, for sets that need question types the GOV.UK
 * pages do not draw, and for staff previews. survey-core and survey-react-ui are loaded only here,
 * in the browser. Answers are kept on the device as the person goes, and sent to the same action
 * and checks as the server-rendered journey.
 */
export function SurveyJsForm({
  slug,
  json,
  source = {},
  preview = false,
  locale = 'en',
  plainPagesHref,
}: {
  slug: string;
  json: Record<string, unknown>;
  source?: Record<string, string>;
  preview?: boolean;
  locale?: string;
  /** Where the same questions are drawn as GOV.UK pages, for a browser without JavaScript. */
  plainPagesHref?: string;
}) {
  const csrf = useAuthenticityToken();
  const fetcher = useFetcher<SubmitReply>();
  // In a staff preview, the answers go to the preview's own action, which shows what would be stored.
  const previewFetcher = useFetcher<PreviewReply>();
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<{ Survey: ComponentType<{ model: Model }>; model: Model } | null>(null);
  const [previewDone, setPreviewDone] = useState(false);
  // The page's own errors, from SurveyJS's checks in the browser, listed in a GOV.UK error summary.
  const [pageErrors, setPageErrors] = useState<FieldError[]>([]);
  const saved = useRef<Saved | null>(null);
  const storageKey = `family-voice:survey:${slug}`;

  const send = (entry: Saved) => {
    fetcher.submit(
      { csrf, responseId: entry.responseId, answers: entry.answers, locale, source } as never,
      { method: 'post', action: `/surveys/${slug}/submit`, encType: 'application/json' },
    );
  };

  useEffect(() => {
    let cancelled = false;
    void Promise.all([import('survey-core'), import('survey-react-ui')]).then(([core, ui]) => {
      if (cancelled) return;
      registerSurveyProperties();
      const model = new core.Model(json);
      if (locale !== 'en') model.locale = locale;
      model.showCompletedPage = false;
      // Focus goes to the GOV.UK error summary, whose links lead into each question. SurveyJS moves
      // to the first question with an error after it scrolls there (whatever autoFocusFirstError
      // says), which would take focus from the summary; moves to a new page still scroll.
      model.onScrollToTop.add((_, options) => {
        if (options.question && options.question.errors.length > 0) options.allow = false;
      });
      applyGovukTheme(model, { json, localization: core.surveyLocalization, preview });
      // survey-core 3.0.0 puts aria-required on role="group" containers, which ARIA does not allow
      // (axe: aria-allowed-attr). The title still marks the question as required.
      model.onAfterRenderQuestion.add((_, options) => {
        const element = options.htmlElement;
        if (element.getAttribute('role') === 'group') element.removeAttribute('aria-required');
      });
      const stored = preview ? null : (JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Saved | null);
      // A new start keeps the set's default answers (defaultValue); setting empty data would clear them.
      const entry: Saved = stored ?? { responseId: crypto.randomUUID(), answers: model.data as Record<string, unknown>, page: 0 };
      saved.current = entry;
      if (stored) model.data = entry.answers;
      if (entry.page > 0 && entry.page < model.visiblePageCount) model.currentPageNo = entry.page;
      const keep = () => {
        if (preview) return;
        entry.answers = model.data as Record<string, unknown>;
        entry.page = model.currentPageNo;
        localStorage.setItem(storageKey, JSON.stringify(entry));
      };
      model.onValidatePage.add((_, options) => {
        setPageErrors(options.questions.map((question) => ({ field: question.id, message: question.errors[0]?.getText() ?? `Check your answer to “${question.title}”` })));
      });
      model.onCurrentPageChanged.add(() => setPageErrors([]));
      model.onValueChanged.add(keep);
      model.onCurrentPageChanged.add(keep);
      model.onComplete.add(() => {
        keep();
        if (preview) {
          setPreviewDone(true);
          // A preview keeps nothing on the device, so the answers come straight from the model.
          previewFetcher.submit({ csrf, answers: model.data as Record<string, unknown>, locale } as never, { method: 'post', encType: 'application/json' });
        } else send(entry);
      });
      setLoaded({ Survey: ui.Survey as unknown as ComponentType<{ model: Model }>, model });
    });
    return () => {
      cancelled = true;
    };
    // The question set is fixed for the life of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (fetcher.state !== 'idle' || !fetcher.data) return;
    if (fetcher.data.ok) {
      localStorage.removeItem(storageKey);
      navigate(`/surveys/${slug}/done${fetcher.data.duplicate ? '?already=1' : ''}`);
    }
  }, [fetcher.state, fetcher.data, navigate, slug, storageKey]);

  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : [];
  if (previewDone) {
    const reply = previewFetcher.data;
    return (
      <>
        <div className="govuk-inset-text">
          Preview finished. Nothing was saved. <a className="govuk-link" href="">Start the preview again</a>.
        </div>
        {!reply ? <p className="govuk-body" role="status">Checking the answers…</p> : null}
        {reply ? <StoredAnswers result={reply} /> : null}
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        <NeedsJavaScript plainPagesHref={plainPagesHref} />
        <p className="govuk-body app-js-only">Loading the questions…</p>
      </>
    );
  }
  const { Survey, model } = loaded;
  return (
    <>
      <ErrorSummary errors={errors.length > 0 ? errors : pageErrors} />
      {errors.length > 0 && saved.current ? (
        <button type="button" className="govuk-button" onClick={() => saved.current && send(saved.current)}>
          Try sending again
        </button>
      ) : null}
      {fetcher.state !== 'idle' ? <p className="govuk-body" role="status">Sending your answers…</p> : null}
      <Survey model={model} />
    </>
  );
}
