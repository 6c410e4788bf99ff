-- A real client: headless Neovim opens a fixture with `callactions lsp` attached, waits for
-- the diagnostics, asks for completion inside a `${` and for a hover, and writes what it
-- got as JSON for tests/neovim.rs to check. Neovim 0.7 and later.
local bin = os.getenv("CALLACTIONS_BIN")
local file = os.getenv("FIXTURE")
local result_file = os.getenv("RESULT")
local completion_at = vim.fn.json_decode(os.getenv("COMPLETION_AT"))
local hover_at = vim.fn.json_decode(os.getenv("HOVER_AT"))

local results = { errors = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, result_file)
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "callactions",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
  })
  vim.lsp.buf_attach_client(buf, client_id)
  vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  results.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(results.diagnostics, { code = code, line = d.lnum, col = d.col })
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local document = { uri = vim.uri_from_bufnr(buf) }
  local completion = client.request_sync("textDocument/completion",
    { textDocument = document, position = completion_at }, 10000, buf)
  results.completion = {}
  local items = completion and completion.result or {}
  if items.items then items = items.items end
  for _, item in ipairs(items) do table.insert(results.completion, item.label) end
  local hover = client.request_sync("textDocument/hover",
    { textDocument = document, position = hover_at }, 10000, buf)
  results.hover = hover and hover.result and hover.result.contents.value or ""
  client.stop()
end)
if not ok then table.insert(results.errors, tostring(err)) end
finish()
