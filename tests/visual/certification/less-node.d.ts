/** The Node build of less (a dependency of powerbi-visuals-tools), used to compile style/visual.less in tests. */
declare module "less/dist/less-node.cjs" {
    const less: { render(input: string): Promise<{ css: string }> };
    export default less;
}
