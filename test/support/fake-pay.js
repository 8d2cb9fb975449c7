// Stands in for https://pay.google.com/gp/p/js/pay.js in loader tests: a classic script that
// counts its loads and publishes the fake client a test prepared in window.__pendingGoogle.
window.__payJsLoads = (window.__payJsLoads || 0) + 1;
window.google = window.__pendingGoogle;
