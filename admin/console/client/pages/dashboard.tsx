import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, describeError, download } from '../api.js';
import { Empty, ErrorBox } from '../ui.js';
import { SeriesChart } from './dashboard/chart.js';
import { csatSeries, dailySeries, defaultRange, isEmpty, rangeQuery, sentimentSeries, type DayRange, type Overview } from './dashboard/data.js';
import { CrmSection } from './dashboard/crm.js';
import { ChurnPanel, SegmentsPanel } from './dashboard/insights.js';
import { Kpis } from './dashboard/kpis.js';
import { AgentTable, IntentTable } from './dashboard/tables.js';
import { t } from '../i18n/index.js';

/** Admin analytics: KPIs, charts, per-intent/agent tables, churn and segments for a date range. */
export function DashboardPage() {
  const [range, setRange] = useState<DayRange>(defaultRange());
  const [data, setData] = useState<Overview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api<Overview>('GET', `/api/analytics/overview${rangeQuery(range)}`).then(
      (o) => live && (setData(o), setLoading(false)),
      (e) => live && (setError(describeError(e)), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [range.from, range.to]);

  const charts = useMemo(() => (data ? { csat: csatSeries(data), sentiment: sentimentSeries(data), daily: dailySeries(data) } : null), [data]);

  async function exportCsv() {
    setError(null);
    try {
      await download(`/api/analytics/overview.csv${rangeQuery(range)}`, `parley-overview-${range.from}-${range.to}.csv`);
    } catch (e) {
      setError(describeError(e));
    }
  }

  const pick = (key: keyof DayRange) => (e: Event) => setRange({ ...range, [key]: (e.target as HTMLInputElement).value });

  return (
    <div class="page dashboard">
      <h2>{t('Dashboard')}</h2>
      <div class="toolbar">
        <label>{t('From')} <input type="date" value={range.from} max={range.to || undefined} onChange={pick('from')} /></label>
        <label>{t('To')} <input type="date" value={range.to} min={range.from || undefined} onChange={pick('to')} /></label>
        <button onClick={exportCsv} disabled={loading}>{t('Export CSV')}</button>
        {loading && <span class="muted small">{t('Loading…')}</span>}
        {data?.dataThrough && <span class="small muted">{t('data through {date}', { date: new Date(data.dataThrough).toLocaleString() })}</span>}
      </div>
      <ErrorBox error={error} />
      {data && charts && !error && (isEmpty(data) ? <Empty>{t('No conversations in this range yet. Analytics runs periodically; try a wider range.')}</Empty> : (
        <>
          <Kpis o={data} />
          <div class="charts">
            <SeriesChart kind="bar" label={t('Conversations per day')} series={charts.daily} color="#3c6df0" />
            <SeriesChart kind="line" label={t('Average sentiment per day')} series={charts.sentiment} color="#2f9e58" yMin={-1} yMax={1} />
            <SeriesChart kind="bar" label={t('CSAT distribution')} series={charts.csat} color="#e8a100" />
          </div>
          <section><h3>{t('Intents')}</h3><IntentTable intents={data.intents} /></section>
          <section><h3>{t('Agents')}</h3><AgentTable agents={data.agents} /></section>
          <section><h3>{t('Churn risk (conversations)')}</h3><ChurnPanel churn={data.churn} /></section>
          <section><h3>{t('Segments (conversations)')}</h3><SegmentsPanel segments={data.segments} /></section>
        </>
      ))}
      <CrmSection />
    </div>
  );
}
