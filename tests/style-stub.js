// Stands in for style/visual.less when Jest loads src/visual.ts (the stylesheet is packaged by pbiviz).
module.exports = {};
