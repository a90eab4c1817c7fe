/**
 * Types of /vendor/chartist.js — chartist's ES module build, served by the API from node_modules (no
 * build step, no copy in the repository): the charts on the statistics page.
 */
export * from 'chartist';
