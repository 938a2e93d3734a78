import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage } from "../test/support/make-image";
import { SignUpPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { ToolPage } from "./pages/tool-page";
import { uniqueEmail, useBrowserPage } from "./support/browser";

describe("dashboard", () => {
  const { page } = useBrowserPage();

  it("a guest converts a file, signs up, and finds the job and its output in the dashboard", async () => {
    const tool = new ToolPage(page());
    await tool.open("image.convert");
    await tool.addFiles([{ name: "sunset.png", mimeType: "image/png", buffer: Buffer.from(await makeImage(640, 480, "png")) }]);
    await tool.waitUntilReady(1);
    await tool.chooseOption("JPEG");
    await tool.run();
    await tool.waitForResult();

    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Dana Guest", email: uniqueEmail("dashboard"), password: "correct horse battery" });
    await page().waitForURL("**/dashboard");

    const dashboard = new DashboardPage(page());
    await dashboard.openTab("Jobs");
    const job = dashboard.job("Convert images");
    await job.waitFor();
    expect(await dashboard.jobStatus(job)).toBe("Succeeded");
    expect(await job.getByRole("list", { name: "Inputs" }).textContent()).toContain("sunset.png");
    const output = await dashboard.download(job, "sunset.jpg");
    expect(output.fileName).toBe("sunset.jpg");
    expect(await sharp(output.bytes).metadata()).toMatchObject({ format: "jpeg", width: 640, height: 480 });

    // Run again: same tool, options and input, now as the account; the list follows it until it is done.
    await dashboard.runAgain(job);
    await page().getByText("Convert images started again").waitFor();
    await dashboard.job("Convert images").nth(1).waitFor();
    await dashboard.waitForJobStatuses("Convert images", ["Succeeded", "Succeeded"]);

    await dashboard.openTab("Files");
    // Newest first: the result was stored after the upload. The list refetches
    // when it sees the re-run finish, so allow it that moment.
    await expect.poll(() => dashboard.fileNames(), { timeout: 15_000 }).toEqual(["sunset.jpg", "sunset.jpg", "sunset.png"]);
    expect(await dashboard.thumbnailLoaded("sunset.png")).toBe(true);
    await page().reload();
    expect(await dashboard.fileNames()).toEqual(["sunset.jpg", "sunset.jpg", "sunset.png"]);
  });

  it("searches, selects and deletes files, and keeps the tab in the URL", async () => {
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Fay Files", email: uniqueEmail("files"), password: "correct horse battery" });
    await page().waitForURL("**/dashboard");
    for (const name of ["alpha.png", "beta.png", "gamma.png"]) {
      const response = await page().request.post("/api/files", {
        multipart: { file: { name, mimeType: "image/png", buffer: Buffer.from(await makeImage(32, 32, "png")) } },
      });
      expect(response.status()).toBe(201);
    }

    const dashboard = new DashboardPage(page());
    await dashboard.open("Files");
    expect(await dashboard.fileNames()).toEqual(["gamma.png", "beta.png", "alpha.png"]);
    await dashboard.search("ALP");
    await page().waitForFunction(() => document.querySelectorAll("table[aria-label=Files] tbody tr").length === 1);
    expect(await dashboard.fileNames()).toEqual(["alpha.png"]);
    await dashboard.search("");
    await page().waitForFunction(() => document.querySelectorAll("table[aria-label=Files] tbody tr").length === 3);

    await dashboard.select("alpha.png");
    await dashboard.select("gamma.png");
    await dashboard.deleteSelected("Delete 2 files?");
    await page().getByText("2 files deleted").waitFor();
    expect(await dashboard.fileNames()).toEqual(["beta.png"]);

    // Arrow keys move between tabs, and the URL follows.
    await dashboard.tab("Files").focus();
    await page().keyboard.press("ArrowRight");
    await page().waitForURL("**/dashboard?tab=jobs");
    await page().getByRole("tab", { name: "Jobs", selected: true }).waitFor();
    await page().getByText("No jobs yet. Jobs you run with a tool appear here.").waitFor();
    await page().goBack();
    await page().waitForURL("**/dashboard?tab=files");
    await page().getByRole("tab", { name: "Files", selected: true }).waitFor();
  });
});
