def test_probe(page, visit, site_url, network):
    visit(page, "/")
    print("URL", page.url, "HIST", page.evaluate("history.length"))
    visit(page, "/about/", wait_until="networkidle")
    print("HIST", page.evaluate("history.length"))
    print(network.requests)
    print(page.locator("h1").all_inner_texts())

def test_probe2(page, visit, network):
    visit(page, "/get-help/")
    print(network.requests)
