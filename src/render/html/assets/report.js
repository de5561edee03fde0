/* mailaudit report: sorting of table.data.sortable and filtering of table#domains. Inlined in
   the page; no library, no network, and nothing happens for elements the page does not have. */
(function () {
  'use strict';

  /* ---- Sorting ---------------------------------------------------------------------------- */

  /* A cell's sort key: its data-sort attribute when present, else its text; for a numeric
     column a number, or null (sorted last either way) when the cell holds none. */
  function sortKey(cell, numeric) {
    if (!cell) {
      return numeric ? null : '';
    }
    var raw = cell.getAttribute('data-sort');
    if (raw === null) {
      raw = cell.textContent;
    }
    raw = raw.trim();
    if (!numeric) {
      return raw.toLowerCase();
    }
    var value = raw === '' ? NaN : Number(raw.replace(/[\s,%]/g, ''));
    return isNaN(value) ? null : value;
  }

  function sortBody(tbody, column, numeric, ascending) {
    var rows = tbody.rows;
    var count = rows.length;
    // Keys are read once per sort, not once per comparison: this stays quick for 100,000 rows.
    var items = new Array(count);
    for (var i = 0; i < count; i++) {
      items[i] = { row: rows[i], key: sortKey(rows[i].cells[column], numeric), at: i };
    }
    var direction = ascending ? 1 : -1;
    items.sort(function (a, b) {
      if (a.key === b.key) {
        return a.at - b.at; // stable: equal keys keep their order
      }
      if (a.key === null) {
        return 1;
      }
      if (b.key === null) {
        return -1;
      }
      return (a.key < b.key ? -1 : 1) * direction;
    });
    // Emptying the body at once and refilling it from a fragment moves 100,000 rows several
    // times faster than taking them out one by one (the browser then lays the table out anew,
    // which no script can spare it).
    tbody.textContent = '';
    var fragment = document.createDocumentFragment();
    for (var j = 0; j < count; j++) {
      fragment.appendChild(items[j].row);
    }
    tbody.appendChild(fragment);
  }

  function sortBy(table, th) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var numeric = th.getAttribute('data-type') === 'num';
    var headers = table.querySelectorAll('thead th');
    for (var i = 0; i < headers.length; i++) {
      if (headers[i] !== th) {
        headers[i].removeAttribute('aria-sort');
      }
    }
    for (var b = 0; b < table.tBodies.length; b++) {
      sortBody(table.tBodies[b], th.cellIndex, numeric, ascending);
    }
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll('thead th');
    for (var i = 0; i < headers.length; i++) {
      var th = headers[i];
      if (th.hasAttribute('data-nosort')) {
        continue;
      }
      th.tabIndex = 0;
      th.addEventListener('click', function (event) {
        if (event.target.closest && event.target.closest('a, button, input, select')) {
          return;
        }
        sortBy(table, this);
      });
      th.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
          event.preventDefault();
          sortBy(table, this);
        }
      });
    }
  }

  /* ---- Filtering -------------------------------------------------------------------------- */

  function byId(id) {
    return document.getElementById(id);
  }

  function value(control) {
    return control ? control.value.trim() : '';
  }

  /* The areas a row has a status for: the options of select#filter-area, or else the row's
     own data-* attributes other than data-domain and data-codes. */
  function areasOf(select, row) {
    var areas = [];
    if (select) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value) {
          areas.push(select.options[i].value);
        }
      }
    }
    if (areas.length === 0 && row) {
      for (var j = 0; j < row.attributes.length; j++) {
        var name = row.attributes[j].name;
        if (name.indexOf('data-') === 0 && name !== 'data-domain' && name !== 'data-codes') {
          areas.push(name.slice(5));
        }
      }
    }
    return areas;
  }

  function hasStatus(row, areas, status) {
    for (var i = 0; i < areas.length; i++) {
      if (row.getAttribute('data-' + areas[i]) === status) {
        return true;
      }
    }
    return false;
  }

  function setUpFilters(table) {
    var area = byId('filter-area');
    var status = byId('filter-status');
    var code = byId('filter-code');
    var text = byId('filter-text');
    var shown = byId('shown-count');
    var rows = [];
    for (var b = 0; b < table.tBodies.length; b++) {
      var body = table.tBodies[b].rows;
      for (var r = 0; r < body.length; r++) {
        rows.push(body[r]);
      }
    }
    // What the filters compare is read once: the rows' attributes do not change.
    var domains = rows.map(function (row) {
      return (row.getAttribute('data-domain') || '').toLowerCase();
    });
    var codes = rows.map(function (row) {
      return row.getAttribute('data-codes') || '';
    });

    function apply() {
      var wantArea = value(area);
      var wantStatus = value(status);
      var wantCode = value(code);
      var wantText = value(text).toLowerCase();
      var areas = wantArea ? [wantArea] : areasOf(area, rows[0]);
      var count = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var match = (!wantStatus || hasStatus(row, areas, wantStatus))
          && (!wantCode || codes[i].indexOf(' ' + wantCode + ' ') !== -1)
          && (!wantText || domains[i].indexOf(wantText) !== -1);
        if (row.hidden === match) {
          row.hidden = !match;
        }
        if (match) {
          count++;
        }
      }
      if (shown) {
        shown.textContent = count + ' of ' + rows.length + ' domains';
      }
    }

    var timer = null;
    function later() {
      if (timer !== null) {
        clearTimeout(timer);
      }
      timer = setTimeout(function () {
        timer = null;
        apply();
      }, 150);
    }

    [area, status, code].forEach(function (control) {
      if (control) {
        control.addEventListener('change', apply);
      }
    });
    if (text) {
      text.addEventListener('input', later);
      text.addEventListener('search', apply);
    }
    apply(); // a browser may have restored the controls' values on returning to the page
  }

  function start() {
    var tables = document.querySelectorAll('table.data.sortable');
    for (var i = 0; i < tables.length; i++) {
      makeSortable(tables[i]);
    }
    var domains = byId('domains');
    if (domains && domains.tagName === 'TABLE') {
      setUpFilters(domains);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
